// Replaces the webjar's config.js of this app: Japanese (locales/ja.json, ours) for browsers whose first language is
// Japanese; English for the others, and for any label not translated.
export default {
  locales: {
    availableLocales: ['ja', 'en', 'de'],
    fallbackLocale: 'en'
  }
};
