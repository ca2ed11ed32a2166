/** The first stop for keyboard users: jumps past the header and navigation to the page itself. */
import classes from './SkipLink.module.css';

export const MAIN_ID = 'main-content';

export function SkipLink() {
  return (
    <a
      className={classes.skip}
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        // Focus explicitly: a fragment link alone moves the caret but not always the focus.
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
