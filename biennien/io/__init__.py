"""Input: the only code that opens input files. `read` (files, directories, stdin, by kind),
`objects` (JSON to Source), `decode` (bytes to text, legacy encodings), `markup` (HTML to text),
`feed` (the same input as cheap work units: a JSONL line travels undecoded to the worker that
analyses it)."""
