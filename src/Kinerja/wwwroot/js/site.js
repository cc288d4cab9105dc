// Kinerja: small behaviours without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
});
