/**
 * The Go driver: a main package beside the pasted aipool package (go.mod makes it one module, so
 * nothing is downloaded). Two bursts of cfg.n concurrent PostJSON calls (per tenant when the pool
 * is split), each body read to the end and closed so its connection goes back to the pool.
 */
export const GO_MODULE = 'module aipooltest\n\ngo 1.19\n';

/** `tenants`: the pasted pool is split, so the driver calls ClientForTenant (absent otherwise). */
export function goDriver(tenants: boolean): string {
  return `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"

	"aipooltest/aipool"
)

type config struct {
	N       int      \`json:"n"\`
	Path    string   \`json:"path"\`
	Tenants []string \`json:"tenants"\`
}

func main() {
	var cfg config
	if err := json.Unmarshal([]byte(os.Args[1]), &cfg); err != nil {
		panic(err)
	}
	tenants := cfg.Tenants
	if len(tenants) == 0 {
		tenants = []string{""}
	}
	for burst := 1; burst <= 2; burst++ {
		var wg sync.WaitGroup
		errs := make(chan error, cfg.N*len(tenants))
		for _, tenant := range tenants {
			client := aipool.Client
${tenants ? '\t\t\tif tenant != "" {\n\t\t\t\tclient = aipool.ClientForTenant(tenant)\n\t\t\t}\n' : ''}
			for i := 0; i < cfg.N; i++ {
				wg.Add(1)
				go func(tenant string, client *http.Client) {
					defer wg.Done()
					res, err := aipool.PostJSONWith(context.Background(), client, cfg.Path, map[string]any{"burst": burst, "tenant": tenant})
					if err != nil {
						errs <- err
						return
					}
					defer res.Body.Close()
					if _, err := io.Copy(io.Discard, res.Body); err != nil {
						errs <- err
					} else if res.StatusCode != 200 {
						errs <- fmt.Errorf("status %d", res.StatusCode)
					}
				}(tenant, client)
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			panic(err)
		}
	}
	fmt.Println("done")
}
`;
}
