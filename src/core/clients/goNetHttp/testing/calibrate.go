// Calibration driver for the Go net/http snippet: a main package beside the pasted aipool package
// (the project's snippet, unchanged; go.mod makes both one module, so nothing is downloaded). Runs
// the workload given as JSON in os.Args[1] and prints one JSON array of {id, t0, t1, status}
// (wall-clock ms) when done, as the Node and Python drivers do. Bounded by the request count. The
// lab's self-signed CA reaches crypto/x509's system pool through SSL_CERT_FILE (root_unix.go).
package main

import (
	"context"
	"encoding/json"
	"io"
	"math/rand"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"aipooltest/aipool"
)

type workload struct {
	Kind      string  `json:"kind"`
	Users     int     `json:"users"`
	ThinkSec  float64 `json:"thinkSec"`
	ThinkDist string  `json:"thinkDist"`
	PerSec    float64 `json:"perSec"`
	Requests  int64   `json:"requests"`
}

type record struct {
	ID     int64   `json:"id"`
	T0     float64 `json:"t0"`
	T1     float64 `json:"t1"`
	Status int     `json:"status"`
}

var (
	cfg     workload
	issued  int64 = -1
	mu      sync.Mutex
	records = []record{}
)

func now() float64 { return float64(time.Now().UnixNano()) / 1e6 }

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func one() {
	id := atomic.AddInt64(&issued, 1)
	t0 := now()
	status := -1
	res, err := aipool.PostJSON(context.Background(), "/v1/messages", map[string]int64{"id": id})
	if err == nil {
		// Read to the end and close: only then does the connection go back to the pool.
		if _, err = io.Copy(io.Discard, res.Body); err == nil {
			status = res.StatusCode
		}
		res.Body.Close()
	}
	mu.Lock()
	records = append(records, record{id, t0, now(), status})
	mu.Unlock()
}

func think() float64 {
	if cfg.ThinkDist == "constant" {
		return cfg.ThinkSec
	}
	return rand.ExpFloat64() * cfg.ThinkSec
}

func main() {
	if err := json.Unmarshal([]byte(os.Args[1]), &cfg); err != nil {
		panic(err)
	}
	rand.Seed(time.Now().UnixNano())
	var wg sync.WaitGroup
	if cfg.Kind == "users" {
		for u := 0; u < cfg.Users; u++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Users start spread over one think time, as in the simulator.
				if cfg.ThinkDist == "constant" {
					time.Sleep(seconds(rand.Float64() * cfg.ThinkSec))
				} else {
					time.Sleep(seconds(think()))
				}
				for atomic.LoadInt64(&issued)+1 < cfg.Requests {
					one()
					time.Sleep(seconds(think()))
				}
			}()
		}
	} else {
		t := now()
		for i := int64(0); i < cfg.Requests; i++ {
			t += rand.ExpFloat64() / cfg.PerSec * 1000
			if d := t - now(); d > 0 {
				time.Sleep(time.Duration(d * float64(time.Millisecond)))
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				one()
			}()
		}
	}
	wg.Wait()
	aipool.Client.CloseIdleConnections()
	out, err := json.Marshal(records)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
}
