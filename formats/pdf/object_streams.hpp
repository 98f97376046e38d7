// PDF writer (private): the final write pass. PoDoFo 0.9.8 writes every object
// as its own uncompressed indirect object and a classic xref table; a tagged
// report has tens of thousands of small structure elements, so that file is
// several times larger than it needs to be. This pass writes PoDoFo's object
// list itself, PDF 1.5+ style:
//
//   - every object without a stream (dictionaries, arrays, numbers…) goes,
//     in object-number order, into Flate-compressed object streams of
//     kObjectsPerStream objects each;
//   - stream objects (page contents, fonts, images, XMP) stay ordinary
//     indirect objects; one without a filter is Flate-compressed here
//     (libdeflate), except the XMP metadata; one with a filter is written by
//     PoDoFo as it is;
//   - a cross-reference stream (PNG "Up" predictor, Flate) ends the file and
//     carries the trailer keys /Root, /Info and /ID.
//
// Reproducible: no clock, no hash-map order; the /ID is an MD5 of the bytes
// written (computed with a zero id, then patched in place: same length).
//
//   PdfMemDocument doc; …draw…
//   const std::string bytes = sdg::pdf::write_compact(doc);
#pragma once

#include <cstddef>
#include <string>

namespace PoDoFo {
class PdfMemDocument;
}  // namespace PoDoFo

namespace sdg::pdf {

/// Objects per object stream: large enough to compress well, small enough that a
/// reader decompresses little to reach one object (qpdf uses 100).
inline constexpr std::size_t kObjectsPerStream = 1000;

/// The whole file as bytes. Embeds pending font subsets first. Throws PdfError
/// from PoDoFo, or sdg::Error(Output) if compression fails.
std::string write_compact(PoDoFo::PdfMemDocument& doc);

}  // namespace sdg::pdf
