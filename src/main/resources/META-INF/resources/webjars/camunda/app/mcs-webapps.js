// Loaded by Tasklist, Cockpit and Admin (customScripts in each app's scripts/config.js) for what their templates
// cannot be told by configuration (issue 15):
// - a link to our home page and the 台帳 in the header, left of the user menu (every register page links back);
// - Tasklist's 「タスクを作成」 only for those whose authorizations grant CREATE on tasks: styles/user-styles.css
//   hides it until the engine says so (a clinician could open the dialog, fill it in and only then be refused).
// - a label that a controller of Camunda's read with $translate.instant() before the locale file had loaded (Cockpit's
//   task dashboard) showed as its key ("PLUGIN_TASK_ASSIGNED_TO_USER"): such a text becomes its Japanese label.
// - relative dates (「期限 in 7 days」): Camunda gives the locale file's dateLocales to its own copy of moment, while the
//   lists format them with angular-moment's copy (the injector's 'moment'): that copy gets them too.
// The red Camunda 7 CE end-of-life banner is hidden by each app's styles/user-styles.css.
const HOME = '/register/home';
const base = document.querySelector('base');

function addHomeLink() {
  const menu = document.querySelector('[cam-widget-header] .cam-nav.app-menu > ul');
  if (!menu || menu.querySelector('li.mcs-home')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'mcs-home';
  const link = document.createElement('a');
  link.href = HOME;
  link.textContent = 'ホーム・台帳';
  link.title = 'MCS運用ワークフローのホーム（マイタスク・申請一覧・台帳）';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

const KEY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
let labels = null;

function labelKeys(root) {
  if (!labels || !root) {
    return;
  }
  const texts = root.nodeType === Node.TEXT_NODE ? [root] : [];
  if (root.nodeType === Node.ELEMENT_NODE) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push(node);
    }
  }
  for (const node of texts) {
    const key = node.nodeValue.trim();
    if (KEY.test(key) && typeof labels[key] === 'string') {
      node.nodeValue = labels[key];
    }
  }
}

const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();
if (base && language.startsWith('ja')) {
  fetch(base.getAttribute('app-root') + '/app/' + base.getAttribute('app-name') + '/locales/ja.json')
    .then(answer => (answer.ok ? answer.json() : null))
    .then(locale => {
      labels = locale && locale.labels;
      labelKeys(document.body);
      japaneseDates(locale && locale.dateLocales, 50);
    });
}

function japaneseDates(dateLocales, attempts) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (!dateLocales || !injector) {
    // Angular bootstraps on document ready: ask again for a while
    if (dateLocales && attempts > 0) {
      setTimeout(() => japaneseDates(dateLocales, attempts - 1), 200);
    }
    return;
  }
  const moment = injector.get('moment');
  if (moment.locales().includes('ja')) {
    moment.updateLocale('ja', dateLocales);
  } else {
    moment.defineLocale('ja', dateLocales);
  }
  moment.locale('ja');
  injector.get('$rootScope').$applyAsync();
}

// Angular renders the header after this script and again after a login: add the link whenever it is missing; and
// label any key that appears
new MutationObserver(records => {
  addHomeLink();
  for (const record of records) {
    if (record.type === 'characterData') {
      labelKeys(record.target);
    }
    record.addedNodes.forEach(labelKeys);
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

const TASK = 7; // Resources.TASK

async function offerCreateTask() {
  document.body.classList.remove('mcs-may-create-task');
  const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)\//) || [])[1] || 'default';
  const answer = await fetch(base.getAttribute('engine-api') + 'engine/' + engine
      + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=' + TASK,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  // before the login (401) nothing is offered; the check runs again at the next view, the user may have changed
  if (answer.ok && (await answer.json()).authorized) {
    document.body.classList.add('mcs-may-create-task');
  }
}

if (base && base.getAttribute('app-name') === 'tasklist') {
  window.addEventListener('hashchange', offerCreateTask);
  offerCreateTask();
}
