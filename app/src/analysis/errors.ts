// The one error the analyser throws: a code the API maps to a problem type, a message saying what was
// wrong and how to fix it, and for a description not understood the suggestions that go with it.
export type AnalysisErrorCode = 'empty' | 'too_long' | 'unknown_template' | 'unknown_style' | 'invalid_params' | 'not_understood' | 'needs_data';

export class AnalysisError extends Error {
  override name = 'AnalysisError';
  readonly code: AnalysisErrorCode;
  /** Extra members for the API's problem (suggestions, what data is needed); empty for most codes. */
  readonly details: Record<string, unknown>;
  constructor(code: AnalysisErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
