// Whether a person can see the page, for the client: it marks read only what is on screen.

export const pageVisibility = {
  get visible() {
    return !document.hidden;
  },
  onChange(listener) {
    document.addEventListener('visibilitychange', listener);
  },
};
