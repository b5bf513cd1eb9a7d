// Shows an activity's time in the visitor's own time zone, next to the activity's zone and UTC that the server
// already wrote. Without JavaScript the element stays hidden and nothing is lost.
// No Intl: building an Intl formatter loads locale data and was the activity page's longest script task in
// Lighthouse (bench/README.md "Lighthouse"). The server writes its own .NET patterns and names for the page's
// language into data attributes, so this line reads exactly like the server's line above it.
(function () {
    'use strict';
    var elements = document.querySelectorAll('.visitor-time[data-start]');

    function pad(n) { return n < 10 ? '0' + n : '' + n; }

    // The .NET custom format specifiers the long date and short time patterns of English and Spanish use.
    function format(date, pattern, names) {
        return pattern.replace(/'([^']*)'|dddd|MMMM|yyyy|dd|d|HH|H|hh|h|mm|tt/g, function (token, literal) {
            var hours = date.getHours();
            switch (token) {
                case 'dddd': return names.days[date.getDay()];
                case 'MMMM': return names.months[date.getMonth()];
                case 'yyyy': return '' + date.getFullYear();
                case 'dd': return pad(date.getDate());
                case 'd': return '' + date.getDate();
                case 'HH': return pad(hours);
                case 'H': return '' + hours;
                case 'hh': return pad(hours % 12 || 12);
                case 'h': return '' + (hours % 12 || 12);
                case 'mm': return pad(date.getMinutes());
                case 'tt': return names.ampm[hours < 12 ? 0 : 1];
                default: return literal !== undefined ? literal : token;
            }
        });
    }

    // "UTC", "UTC−3", "UTC+5:30", as DateStyle.Offset writes the activity's own zone.
    function zone(date) {
        var offset = -date.getTimezoneOffset();
        if (offset === 0) {
            return 'UTC';
        }
        var abs = Math.abs(offset);
        var minutes = abs % 60;
        return 'UTC' + (offset < 0 ? '\u2212' : '+') + Math.floor(abs / 60) + (minutes ? ':' + pad(minutes) : '');
    }

    Array.prototype.forEach.call(elements, function (element) {
        var start = new Date(element.getAttribute('data-start'));
        var end = new Date(element.getAttribute('data-end') || element.getAttribute('data-start'));
        var datePattern = element.getAttribute('data-date-pattern');
        var timePattern = element.getAttribute('data-time-pattern');
        if (isNaN(start.getTime()) || isNaN(end.getTime()) || !datePattern || !timePattern) {
            return;
        }

        var names = {
            days: (element.getAttribute('data-days') || '').split(','),
            months: (element.getAttribute('data-months') || '').split(','),
            ampm: (element.getAttribute('data-ampm') || 'AM,PM').split(',')
        };
        var full = function (d) { return format(d, datePattern, names) + ', ' + format(d, timePattern, names); };
        var sameDay = start.toDateString() === end.toDateString();
        var text = full(start) + (end > start ? ' – ' + (sameDay ? format(end, timePattern, names) : full(end)) : '');
        element.textContent = (element.getAttribute('data-label') || '').replace('{0}', zone(start)) + ' ' + text;
        element.hidden = false;
    });
}());
