// Library filters: with JavaScript, ticking or unticking a box submits the GET form at once, to a URL that ends
// with the box's id (#f-country-PE), and the new page puts the focus back on that box, where the visitor was.
// Without JavaScript the "Apply filters" button submits to #facet-form, so the page opens at the filters.
(function () {
    var form = document.getElementById('facet-form');
    if (!form) {
        return;
    }

    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (target && target.classList.contains('facet__check')) {
        var closed = target.closest('details:not([open])');
        if (closed) {
            closed.open = true;
        }

        target.focus();
    }

    form.addEventListener('change', function (event) {
        var box = event.target;
        if (box && box.classList.contains('facet__check')) {
            form.action = form.action.split('#')[0] + '#' + encodeURIComponent(box.id);
            form.submit();
        }
    });
})();
