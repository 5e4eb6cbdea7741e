// Runs first, in <head>: records every script error, unhandled rejection, console.error and
// policy violation, so that the page itself can say whether it rendered cleanly (#status).
(function () {
  'use strict';
  var problems = [];
  function note(message) {
    problems.push(String(message));
    var node = document.getElementById('status');
    if (node) {
      node.setAttribute('data-status', 'error');
      node.textContent = problems.join('\n');
      node.hidden = false;
    }
  }
  window.__reportProblems = problems;
  window.__reportProblem = note;
  window.addEventListener('error', function (e) {
    var where = e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '';
    note('error: ' + (e.message || (e.target && e.target.tagName) || e.type) + where);
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    note('unhandled rejection: ' + e.reason);
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    note('blocked by the page policy: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  var original = console.error;
  console.error = function () {
    note('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();
