// Server-side timestamps of the keystroke path, for finding where the
// didChange -> publishDiagnostics time goes. Off unless the environment
// variable CVLINT_LSP_TIMING names a file; then each stage of each published
// edit is stamped (steady clock) and, at exit, the median and p90 of every
// stage-to-stage interval are written to that file. Off, a stamp is one
// relaxed load. Internal to lsp/.
#pragma once

namespace cvlint::lsp::latency {

enum Stage {
  Read,        // the bytes of the didChange came in (the read callback ran)
  Parsed,      // its JSON was parsed and dispatched
  Applied,     // the edit was applied to the document store
  Posted,      // the lint was handed to the worker (or started inline)
  Started,     // the lint task began
  Configured,  // configuration and files resolved (the AnalysisRequest is ready)
  Analysed,    // analyze() returned
  Built,       // the diagnostics were rendered to JSON text
  Written,     // the publishDiagnostics frame was written to the pipe
  kStages
};

bool enabled();
void stamp(Stage s);
// The current record is complete (after Written): kept for the report.
void commit();
// Writes the report (called at exit; harmless when off).
void report();

}  // namespace cvlint::lsp::latency
