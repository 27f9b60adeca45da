// Applies the remembered colour scheme before the first paint. A classic script in <head> runs
// before the body is drawn; the CSP forbids inline scripts, hence this file. Same key as
// src/components/theme/theme.ts.
try {
  var theme = localStorage.getItem('pool-sizer:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage blocked: the page follows the system scheme.
}
