// Applies the remembered colour scheme before the first paint. A classic script in <head> runs
// before the body is drawn; the CSP forbids inline scripts, hence this file. Same key as
// src/components/theme/theme.ts.
try {
  var theme = localStorage.getItem('pool-sizer:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage blocked: the page follows the system scheme.
}

// The built page carries a static copy of the default scenario (src/prerender.tsx). When a link or
// a saved scenario (STORAGE_KEY in src/store/persistence.ts) is about to replace it, hide it rather
// than show numbers that are not the user's.
var restoring = location.hash.length > 1;
try {
  restoring = restoring || localStorage.getItem('pool-sizer:state') !== null;
} catch (e) {
  // Storage blocked: only a link can replace the static copy.
}
if (restoring) document.documentElement.dataset.restoring = '';
