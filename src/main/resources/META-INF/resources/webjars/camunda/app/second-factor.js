// Loaded by Tasklist, Cockpit and Admin (customScripts in each app's scripts/config.js).
// When the webapps' login accepted the password of a person who needs the second factor, the server answers with the
// code page's address in the header X-MCS-Second-Factor (the session is only "pending" until the code is checked):
// the browser goes there. Nothing else of the webapps is changed.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (...args) {
  this.addEventListener('load', () => {
    const page = this.getResponseHeader('X-MCS-Second-Factor');
    if (page && page.startsWith('/account/2fa')) {
      window.location.assign(page);
    }
  });
  return open.apply(this, args);
};
