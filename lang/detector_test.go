package lang

import (
	"bytes"
	"testing"
)

// TestDefaultDetectorUpToDate trains a detector on the embedded data and
// compares its tables with the ones embedded at build time: a change to a
// langid.txt, questions.tsv or stop-word list needs go generate ./lang.
func TestDefaultDetectorUpToDate(t *testing.T) {
	want, err := NewDetector(mustLoad(t)).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(detectorBin), want) {
		t.Fatalf("detector.bin (%d bytes) is not the detector trained on the data (%d bytes): run go generate ./lang", len(detectorBin), len(want))
	}
	d, err := DefaultDetector()
	if err != nil {
		t.Fatal(err)
	}
	trained := NewDetector(mustLoad(t))
	for _, q := range []string{"when did albania join nato?", "quand l'Albanie a-t-elle rejoint l'OTAN ?", "kto vyigral", "Wer hat das gesagt?", "hány ember", "ok"} {
		if got, want := d.DetectWithPrior(q, "fr"), trained.DetectWithPrior(q, "fr"); got.Lang != want.Lang || got.Confidence != want.Confidence {
			t.Errorf("DefaultDetector().DetectWithPrior(%q) = %+v, trained detector %+v", q, got, want)
		}
	}
}

// TestDetectorFromBinaryRefusesDamage cuts and corrupts the embedded
// tables: every damaged block is refused with an error, never a panic.
func TestDetectorFromBinaryRefusesDamage(t *testing.T) {
	good := []byte(detectorBin)
	for _, n := range []int{0, 4, 8, 12, 40, 41, 100, 1000, len(good) / 2, len(good) - 1} {
		if _, err := DetectorFromBinary(good[:n]); err == nil {
			t.Errorf("DetectorFromBinary(first %d of %d bytes) = nil error", n, len(good))
		}
	}
	if _, err := DetectorFromBinary(append(bytes.Clone(good), 0)); err == nil {
		t.Error("DetectorFromBinary(a byte too many) = nil error")
	}
	bad := bytes.Clone(good)
	bad[0] = 'X'
	if _, err := DetectorFromBinary(bad); err == nil {
		t.Error("DetectorFromBinary(wrong magic) = nil error")
	}
	bad = bytes.Clone(good)
	bad[len(detectorMagic)] = maxModels + 1
	if _, err := DetectorFromBinary(bad); err == nil {
		t.Error("DetectorFromBinary(too many models) = nil error")
	}
}
