// Library filters: with JavaScript, ticking or unticking a box submits the GET form at once. Without it, the
// "Apply filters" button does the same, so the page works either way.
(function () {
    var form = document.getElementById('facet-form');
    if (!form) {
        return;
    }

    form.addEventListener('change', function (event) {
        if (event.target && event.target.classList.contains('facet__check')) {
            form.submit();
        }
    });
})();
