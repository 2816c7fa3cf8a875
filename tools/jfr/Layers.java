import java.nio.file.*;
import java.util.*;
import jdk.jfr.consumer.*;

/**
 * CPU by step of a gateway call, from a JFR recording (docs/performance.md "Where the CPU goes").
 * Each execution sample goes to the innermost step marker on its stack (a filter, Spring MVC's
 * phases, the upstream call, the Netty event loop), so shares add up to 100 %.
 * <pre>
 * java tools/jfr/Layers.java recording.jfr                 # the table
 * java tools/jfr/Layers.java recording.jfr "access log" 4  # within one step: the 4 frames below it
 * </pre>
 */
public class Layers {
  static final String[][] M = {
    {"org.apache.catalina.connector.CoyoteAdapter.service", "Tomcat: request/response, before & after the filters"},
    {"org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal", "http.server.requests observation (metrics + server span)"},
    {"dev.secgroup.gateway.web.ForwardedForFilter.doFilterInternal", "forwarded-for filter"},
    {"dev.secgroup.gateway.call.CallContextFilter.doFilterInternal", "call context (request id, operation match, MDC)"},
    {"dev.secgroup.gateway.observability.AccessLogFilter.doFilterInternal", "access log line"},
    {"dev.secgroup.gateway.audit.AuditFilter.doFilterInternal", "audit (buffer answer, event, write)"},
    {"dev.secgroup.gateway.web.BodySizeLimitFilter.doFilterInternal", "body size limit"},
    {"org.springframework.web.filter.RequestContextFilter.doFilterInternal", "request context filter"},
    {"org.springframework.security.web.FilterChainProxy.doFilter", "Spring Security chain (firewall, api key, grants, headers)"},
    {"dev.secgroup.gateway.quota.ClientRateLimitFilter.doFilterInternal", "client rate limit"},
    {"dev.secgroup.gateway.idempotency.IdempotencyFilter.doFilterInternal", "idempotency filter"},
    {"org.springframework.web.servlet.DispatcherServlet.doDispatch", "Spring MVC dispatch (mapping, interceptors, strict query)"},
    {"org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues", "MVC arguments: JSON body read + Bean Validation"},
    {"org.springframework.web.method.support.InvocableHandlerMethod.doInvoke", "controller (grants, idempotency, upstream request)"},
    {"org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle", "MVC return value: write response"},
    {"org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver", "MVC exception handling"},
    {"dev.secgroup.gateway.web.UpstreamRelay.relay", "upstream call on the request thread (build, quota, sign, subscribe, wait)"},
    {"dev.secgroup.gateway.upstream.UpstreamClient.exchange", "upstream call on the request thread (build, quota, sign, subscribe, wait)"},
    {"io.netty.channel.nio.NioEventLoop.run", "upstream I/O on the Netty event loop (reactor-netty, WebClient, observation)"},
    {"io.netty.channel.SingleThreadIoEventLoop.run", "upstream I/O on the Netty event loop (reactor-netty, WebClient, observation)"},
    {"io.netty.util.concurrent.SingleThreadEventExecutor$", "upstream I/O on the Netty event loop (reactor-netty, WebClient, observation)"},
    {"dev.secgroup.gateway.audit.StdoutJsonAuditSink.writeLoop", "audit writer thread"},
    {"org.apache.tomcat.util.net.NioEndpoint$Poller.run", "Tomcat poller"},
    {"org.apache.tomcat.util.net.Acceptor.run", "Tomcat acceptor"},
  };
  public static void main(String[] a) throws Exception {
    Map<String,Integer> m = new HashMap<>(), child = new HashMap<>(); Map<String,Integer> threads = new HashMap<>(); int n = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      n++;
      RecordedThread t = e.getThread("sampledThread");
      String tn = t == null ? "?" : (t.isVirtual() ? "virtual" : t.getJavaName()); if (tn != null) threads.merge(tn.replaceAll("[0-9]+", "#"), 1, Integer::sum);
      String layer = "other (no marker)";
      RecordedStackTrace st = e.getStackTrace();
      if (st != null) {
        List<RecordedFrame> all = st.getFrames();
        outer:
        for (int idx = 0; idx < all.size(); idx++) { RecordedFrame f = all.get(idx);
          String s = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          for (String[] x : M) if (s.startsWith(x[0])) { layer = x[1];
            if (a.length > 1 && layer.startsWith(a[1])) { List<RecordedFrame> fs = all; int k = idx;
              int d = a.length > 2 ? Integer.parseInt(a[2]) : 1; StringBuilder sb = new StringBuilder();
              for (int j = Math.max(0, k - d); j < k; j++) sb.insert(0, " > " + fs.get(j).getMethod().getType().getName().replaceAll("^.*\\.", "") + "." + fs.get(j).getMethod().getName());
              child.merge(sb.toString(), 1, Integer::sum); }
            break outer; }
        }
        if (layer.startsWith("other") && st.isTruncated()) layer = "other (truncated stack)";
      }
      m.merge(layer, 1, Integer::sum);
    }
    final int total = n;
    System.out.println("samples " + n);
    m.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed())
      .forEach(x -> System.out.printf("%6.1f %%  %s%n", 100.0 * x.getValue() / total, x.getKey()));
    child.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(25)
      .forEach(x -> System.out.printf("   %5.1f %% %s%n", 100.0 * x.getValue() / total, x.getKey()));
    System.out.println("-- threads");
    threads.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(10)
      .forEach(x -> System.out.printf("%6.1f %%  %s%n", 100.0 * x.getValue() / total, x.getKey()));
  }
}
