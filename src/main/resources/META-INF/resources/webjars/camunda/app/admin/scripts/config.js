// Replaces the webjar's config.js of this app: Japanese (locales/ja.json, ours) for browsers whose first language is
// Japanese; English for the others, and for any label not translated.
export default {
  // the second factor: a login held for its code goes to the code page (app/second-factor.js); the header's link to
  // the home page and the 台帳, 「タスクを作成」 only for those who may (app/mcs-webapps.js)
  customScripts: ['../second-factor', '../mcs-webapps'],
  locales: {
    availableLocales: ['ja', 'en', 'de'],
    fallbackLocale: 'en'
  }
};
