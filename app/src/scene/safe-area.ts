// The title-safe area, the one home for its numbers: content stays TITLE_SAFE (5%) in from every edge of the frame.
// The player fits each scene's content inside it (scene-player.ts fitSafeArea), shrinking the content area no further
// than MIN_CONTENT_SCALE; templates lay out against the same box (templates/safe-area.ts).

/** The margin, as a fraction of the frame's width and of its height. */
export const TITLE_SAFE = 0.05;
/** The least the player shrinks a scene's content to fit the safe area (past it, the content is cut at the margin). */
export const MIN_CONTENT_SCALE = 0.8;
