/** Registers the flow modules of both reference parties (import for side effects). */
export {};
