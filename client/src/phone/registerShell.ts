/**
 * The service worker that keeps this page's shell (client/public/m-sw.js), so `/m` opens with no signal. Its
 * scope is the phone page only: the desk screens are not served from it. Marks `<html data-offline-ready>`
 * once a worker holds the shell. Service workers need a secure origin (https, or localhost).
 */
export function registerShell(): void {
  // Reports wait in IndexedDB: asked to keep it when the phone runs short of space (the browser may say no).
  void navigator.storage?.persist?.().catch(() => false)
  if (!('serviceWorker' in navigator)) return
  void navigator.serviceWorker.register('/m-sw.js', { scope: '/m' }).catch((e: unknown) => console.warn('the phone page will not open offline:', e))
  void navigator.serviceWorker.ready.then(() => document.documentElement.setAttribute('data-offline-ready', 'true'))
}
