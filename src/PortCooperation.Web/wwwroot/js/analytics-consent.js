// The analytics cookie notice. Public pages are output-cached and replayed to everyone, so they carry no
// per-visitor markup: this script asks the uncached /analytics/consent/notice for the notice (with its form and
// antiforgery token) only when the visitor has not chosen yet, and places it above the page's main content.
// Without JavaScript the footer link leads to the same choice on /analytics/consent.
(function () {
    "use strict";
    if (document.cookie.split(";").some(function (c) { return c.trim().indexOf("pc_analytics=") === 0; })) {
        return;
    }
    // Visitors who send Do Not Track or Global Privacy Control are never recorded, so there is nothing to ask.
    if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true) {
        return;
    }
    var main = document.getElementById("main");
    if (!main || !window.fetch) {
        return;
    }
    var returnUrl = window.location.pathname + window.location.search;
    // The page's own language travels with the request: a page reached as /…?culture=es is Spanish without the
    // language cookie, and its notice must be too.
    var culture = (document.documentElement.lang || "").toLowerCase().indexOf("es") === 0 ? "es" : "en";
    fetch("/analytics/consent/notice?culture=" + culture + "&returnUrl=" + encodeURIComponent(returnUrl), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
            if (!html) {
                return;
            }
            var holder = document.createElement("div");
            holder.innerHTML = html;
            var notice = holder.querySelector("[data-consent-notice]");
            if (notice) {
                main.parentNode.insertBefore(notice, main);
            }
        })
        .catch(function () { /* no notice: nothing is recorded as new/returning without consent anyway */ });
})();
