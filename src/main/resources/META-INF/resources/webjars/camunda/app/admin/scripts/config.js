// Replaces the webjar's config.js of this app: Japanese (locales/ja.json, ours) for browsers whose first language is
// Japanese; English for the others, and for any label not translated.
export default {
  // the second factor: a login held for its code goes to the code page (app/second-factor.js)
  customScripts: ['../second-factor'],
  locales: {
    availableLocales: ['ja', 'en', 'de'],
    fallbackLocale: 'en'
  }
};
