/** Where the tab API is mounted. */
export const TAB_PREFIX = '/api/tab';
