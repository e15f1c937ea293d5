package lang

//go:generate go run ./internal/genplaces -data data -extra internal/genplaces/extra
//go:generate go run ./internal/gendetect -out detector.bin
//go:generate go run ./internal/genlex -in internal/genlex/data -data data
