// The offline page stands in at the address of the page that could not be shown: "다시 시도"
// opens that address again.
for (const link of document.querySelectorAll('a[data-retry]')) link.href = window.location.href;
