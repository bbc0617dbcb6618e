/** Registers the flow modules of both reference parties (import for side effects). */
import './gemeente/absence.ts';
import './gemeente/declaratie.ts';
import './aanbieder/declaratie.ts';
import './gemeente/verzoek.ts';
import './aanbieder/verzoek.ts';
import './aanbieder/care-reporting.ts';
import './aanbieder/care-regie.ts';
import './gemeente/agb.ts';
