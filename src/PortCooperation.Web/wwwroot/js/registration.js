// Registration form: after a failed post, move focus to the error summary so screen-reader and keyboard users
// hear what to fix first. Without JavaScript the summary is simply the first thing after the heading.
(function () {
    "use strict";
    var summary = document.getElementById("error-summary");
    if (summary) {
        summary.focus();
    }
})();
