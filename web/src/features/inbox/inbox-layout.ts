/**
 * Which panes the inbox shows side by side. It is a three-pane inbox (list, conversation, customer)
 * from a laptop's width, so the customer panel never covers the thread and composer there; the
 * views and filters take a fourth column only where all four fit, and are a drawer otherwise.
 * InboxPage.module.css lays the columns out at the same widths.
 */
export const TWO_PANES_FROM = '(min-width: 48em)';
export const CUSTOMER_PANE_FROM = '(min-width: 80em)';
export const FILTERS_PANE_FROM = '(min-width: 100em)';
export const CUSTOMER_PANE_WIDTH = 280;
