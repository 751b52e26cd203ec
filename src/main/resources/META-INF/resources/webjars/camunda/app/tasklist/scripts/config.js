// Replaces the webjar's app/tasklist/scripts/config.js (this application's classes come first on the class path).
// Japanese (locales/ja.json, ours) for browsers whose first language is Japanese; English for the others, and for
// any label not translated.
export default {
  // the second factor: a login held for its code goes to the code page (app/second-factor.js); the header's link to
  // the home page and the 台帳, 「タスクを作成」 only for those who may (app/mcs-webapps.js); form-js in Japanese, the
  // date picker reading Japanese dates strictly, labels that wrap (app/forms-ja.js)
  customScripts: ['../second-factor', '../mcs-webapps', '../forms-ja'],
  locales: {
    availableLocales: ['ja', 'en', 'de'],
    fallbackLocale: 'en'
  },
  // as shipped
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
