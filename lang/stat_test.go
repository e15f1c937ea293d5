package lang
import ("testing";"time";"runtime")
func TestStat(t *testing.T){
	r := mustLoad(t)
	var m0, m1 runtime.MemStats
	runtime.GC(); runtime.ReadMemStats(&m0)
	st := time.Now()
	d := NewDetector(r)
	el := time.Since(st)
	runtime.GC(); runtime.ReadMemStats(&m1)
	t.Logf("models %d grams %d words %d time %v heap %d KB", len(d.models), len(d.grams), len(d.words), el, (m1.HeapAlloc-m0.HeapAlloc)/1024)
	runtime.KeepAlive(d)
}
