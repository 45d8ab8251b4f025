// Marks a logger whose bindings already carry the trace id (a request's logger), so the mixin
// that adds the active trace id to other loggers' lines does not write it twice.
export const TRACED_LOGGER = Symbol('nilecare.tracedLogger');
