/**
 * The Java driver, compiled next to the pasted AiPool.java against OkHttp's jar: two bursts of
 * cfg.n concurrent postJson calls (per tenant when the pool is split), each on its own thread.
 * The config arrives as JSON; its few fields are read with regular expressions (no JSON library).
 */
export const OKHTTP_CLASSPATH = ['/usr/share/java/okhttp.jar', '/usr/share/java/okio.jar'];

/** `tenants`: the pasted pool is split, so the driver calls clientForTenant (absent otherwise). */
export function javaDriver(tenants: boolean): string {
  return `import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Response;

public class Driver {
  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\\"" + name + "\\":(\\"[^\\"]*\\"|\\\\d+|\\\\[[^\\\\]]*\\\\])").matcher(json);
    if (!m.find()) throw new IllegalArgumentException(name);
    return m.group(1);
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(field(args[0], "n"));
    String path = field(args[0], "path").replace("\\"", "");
    List<String> tenants = new ArrayList<>();
    for (String t : field(args[0], "tenants").replaceAll("[\\\\[\\\\]\\"]", "").split(",")) if (!t.isEmpty()) tenants.add(t);
    if (tenants.isEmpty()) tenants.add("");
    ExecutorService threads = Executors.newCachedThreadPool();
    for (int burst = 1; burst <= 2; burst++) {
      List<Future<Integer>> calls = new ArrayList<>();
      for (String tenant : tenants) {
        OkHttpClient client = ${tenants ? 'tenant.isEmpty() ? AiPool.CLIENT : AiPool.clientForTenant(tenant)' : 'AiPool.CLIENT'};
        String body = "{\\"burst\\":" + burst + ",\\"tenant\\":\\"" + tenant + "\\"}";
        for (int i = 0; i < n; i++) {
          calls.add(threads.submit(() -> {
            try (Response r = AiPool.postJson(client, path, body)) {
              r.body().string();
              return r.code();
            }
          }));
        }
      }
      for (Future<Integer> call : calls) if (call.get() != 200) throw new IllegalStateException("status " + call.get());
    }
    threads.shutdown();
    System.out.println("done");
    System.exit(0);
  }
}
`;
}
