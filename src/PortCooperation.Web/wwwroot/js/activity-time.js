// Shows an activity's time in the visitor's own time zone, next to the activity's zone and UTC that the server
// already wrote. Without JavaScript the element stays hidden and nothing is lost.
(function () {
    'use strict';
    var elements = document.querySelectorAll('.visitor-time[data-start]');
    if (!elements.length || typeof Intl === 'undefined' || !Intl.DateTimeFormat) {
        return;
    }

    elements.forEach(function (element) {
        var start = new Date(element.getAttribute('data-start'));
        var end = new Date(element.getAttribute('data-end') || element.getAttribute('data-start'));
        if (isNaN(start.getTime())) {
            return;
        }

        var lang = element.getAttribute('data-lang') || undefined;
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
        var dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' });
        var timeOnly = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
        var sameDay = start.toDateString() === end.toDateString();
        var text = dateTime.format(start) + (end > start ? ' – ' + (sameDay ? timeOnly.format(end) : dateTime.format(end)) : '');
        element.textContent = (element.getAttribute('data-label') || '').replace('{0}', zone) + ' ' + text;
        element.hidden = false;
    });
}());
