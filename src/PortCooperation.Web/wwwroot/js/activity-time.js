// Shows an activity's time in the visitor's own time zone, next to the activity's zone and UTC that the server
// already wrote. Without JavaScript the element stays hidden and nothing is lost.
(function () {
    'use strict';
    var elements = document.querySelectorAll('.visitor-time[data-start]');
    if (!elements.length || typeof Intl === 'undefined' || !Intl.DateTimeFormat) {
        return;
    }

    // Formatters are made once per language and the time-only one only when needed: building an Intl formatter loads
    // locale data and was the page's longest script task in Lighthouse (bench/README "Lighthouse").
    var formatters = {};
    function formatter(lang, kind) {
        var key = (lang || '') + '|' + kind;
        if (!formatters[key]) {
            formatters[key] = new Intl.DateTimeFormat(lang, kind === 'full' ? { dateStyle: 'full', timeStyle: 'short' } : { timeStyle: 'short' });
        }
        return formatters[key];
    }

    elements.forEach(function (element) {
        var start = new Date(element.getAttribute('data-start'));
        var end = new Date(element.getAttribute('data-end') || element.getAttribute('data-start'));
        if (isNaN(start.getTime())) {
            return;
        }

        var lang = element.getAttribute('data-lang') || undefined;
        var dateTime = formatter(lang, 'full');
        var zone = dateTime.resolvedOptions().timeZone || '';
        var sameDay = start.toDateString() === end.toDateString();
        var text = dateTime.format(start) + (end > start ? ' – ' + (sameDay ? formatter(lang, 'time').format(end) : dateTime.format(end)) : '');
        element.textContent = (element.getAttribute('data-label') || '').replace('{0}', zone) + ' ' + text;
        element.hidden = false;
    });
}());
