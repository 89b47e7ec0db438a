/** Links between the pages keep a language chosen in the address (`?lang=`). */
export function pageHref(path: string, extra?: URLSearchParams): string {
  const params = new URLSearchParams(extra);
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang) params.set('lang', lang);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Follows a same-page link without reloading (the app re-reads the address). */
export function navigate(event: MouseEvent, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
