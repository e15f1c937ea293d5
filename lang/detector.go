package lang

import (
	_ "embed"
	"unsafe"
)

// detectorBin is the detector trained on the embedded data at build time
// (go generate ./lang runs internal/gendetect).
//
//go:embed detector.bin
var detectorBin string

// DefaultDetector returns the detector trained on the embedded language
// data when qabot was built: the same as NewDetector(Load(Data)), without
// the training. Its tables are read in place, where the binary holds them,
// so it is ready in microseconds and costs memory only for the pages a
// question touches. TestDefaultDetectorUpToDate checks that the tables
// match the data.
func DefaultDetector() (*Detector, error) {
	// The embedded string is read-only memory; the detector only reads it.
	return DetectorFromBinary(unsafe.Slice(unsafe.StringData(detectorBin), len(detectorBin)))
}
