// Kinerja: small behaviours without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
});
document.addEventListener('click', function (e) {
  var el = e.target instanceof Element ? e.target.closest('[data-print]') : null;
  if (el) window.print();
});
// Worksheet cells: a save response may bring fresher values for the other cells of a line. Never replace
// the field someone is typing in (nor its base value), unless the server marks it as a decided conflict.
document.addEventListener('htmx:oobBeforeSwap', function (e) {
  var target = e.detail.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  if (target.type !== 'hidden') {
    if (document.activeElement === target) e.detail.shouldSwap = false;
    return;
  }
  var field = target.getAttribute('data-field');
  var incoming = e.detail.fragment && e.detail.fragment.firstElementChild;
  var forced = incoming && incoming.getAttribute && incoming.getAttribute('data-force') === 'true';
  if (field && !forced && document.activeElement === document.getElementById(field)) e.detail.shouldSwap = false;
});
// Progress bars: the width comes from data-progress (the policy forbids inline styles; setting it from script is allowed).
function kinerjaProgress(root) {
  root.querySelectorAll('[data-progress]').forEach(function (bar) { bar.style.width = bar.getAttribute('data-progress') + '%'; });
}
document.addEventListener('DOMContentLoaded', function () { kinerjaProgress(document); });
document.addEventListener('htmx:afterSettle', function () { kinerjaProgress(document); });
// Slow forms (signing makes the PDF): disable the button and show the "processing" note.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!(form instanceof HTMLFormElement) || form.getAttribute('data-busy') !== 'true') return;
  form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
  form.querySelectorAll('[data-busy-note]').forEach(function (n) { n.classList.remove('d-none'); });
});
