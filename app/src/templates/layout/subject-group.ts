// The id of the group the layout pass puts a scene's subject in (fill.ts); what stays outside it at the top level is
// the chrome, wherever the pass moved it (emphasis/compose-emphasis.ts isChrome reads it so).
export const SUBJECT_GROUP = 'layout.subject';
