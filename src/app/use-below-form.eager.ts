// The one-file module (vite.embed.config.ts) holds Delete endpoint and the History from the start:
// this stands in for use-below-form.ts there, so they show with the form, with no loader behind.
import { BelowForm } from './below-form';
import type * as onDemand from './use-below-form';

const belowForm = { BelowForm };

export const useBelowForm: typeof onDemand.useBelowForm = () => belowForm;
