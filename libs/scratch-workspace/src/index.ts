// For end-to-end tests only: a throwaway copy of this workspace to run Nx (and generators) in.
export { createScratchWorkspace, type ScratchWorkspace } from './scratch-workspace.js';
