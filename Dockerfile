# qabot's image: a static binary on distroless. Plain Dockerfile syntax only,
# so that BuildKit and the legacy builder (DOCKER_BUILDKIT=0) both build it:
# no RUN --mount, no heredocs, no COPY --link/--chmod, no syntax directive
# (TestDockerfile in dockerfile_test.go checks this). `make docker` builds
# and smoke-tests it.

# Build a static binary, as `make build` does. go.mod and go.sum are copied
# first, so the module download is a layer of its own that a code change
# does not invalidate.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/qabot .

# Distroless static: CA certificates (for Discord's HTTPS) and time zone
# data, no shell, no package manager, runs as an unprivileged user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/qabot /qabot
USER nonroot:nonroot
# The seed article and language data are embedded; mount a folder and set
# QABOT_CORPUS=/corpus to serve other articles.
ENTRYPOINT ["/qabot"]
CMD ["serve"]
