export interface VisibleCookie {
  name: string;
  value: string;
}

/** The cookies JavaScript on this page can read: every one that is not HttpOnly. */
export function readDocumentCookies(source: string = document.cookie): VisibleCookie[] {
  return source
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1
        ? { name: '', value: pair }
        : { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
}
