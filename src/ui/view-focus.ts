import { createContext } from 'react';

/**
 * Which view is shown alone (focus=, embed=), handed to every ViewPanel by the shell. A context
 * rather than the store: lab views may not import app state.
 */
export interface ViewFocus {
  focus: string | null;
  embed: boolean;
  setFocus: (view: string | null) => void;
}

export const ViewFocusContext = createContext<ViewFocus>({ focus: null, embed: false, setFocus: () => {} });
