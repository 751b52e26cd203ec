// Loaded by Tasklist, Cockpit and Admin (customScripts in each app's scripts/config.js) for what their templates
// cannot be told by configuration (issue 15):
// - a link to our home page and the 台帳 in the header, left of the user menu (every register page links back);
// - Tasklist's 「タスクを作成」 only for those whose authorizations grant CREATE on tasks: styles/user-styles.css
//   hides it until the engine says so (a clinician could open the dialog, fill it in and only then be refused).
// The red Camunda 7 CE end-of-life banner is hidden by each app's styles/user-styles.css.
const HOME = '/register/home';

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

// Angular renders the header after this script and again after a login: add the link whenever it is missing
new MutationObserver(addHomeLink).observe(document.documentElement, {childList: true, subtree: true});

const base = document.querySelector('base');
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
