import java.nio.file.*;
import java.util.*;
import java.time.Instant;
import jdk.jfr.consumer.*;

/**
 * CPU by library, from a JFR recording (docs/performance.md "Where the CPU goes"): each
 * execution sample goes to the innermost frame of a known library or gateway package; also the
 * top frames within them and the top leaf methods.
 * <pre>
 * java tools/jfr/Breakdown.java recording.jfr [leaf-methods] [component-frames]
 * </pre>
 */
public class Breakdown {
  static final String[][] C = {
    {"dev.secgroup.gateway.audit.", "gateway: audit"},
    {"dev.secgroup.gateway.observability.", "gateway: access log & observation conventions"},
    {"dev.secgroup.gateway.security.", "gateway: security (api key, grants)"},
    {"dev.secgroup.gateway.quota.", "gateway: quotas"},
    {"dev.secgroup.gateway.idempotency.", "gateway: idempotency"},
    {"dev.secgroup.gateway.upstream.", "gateway: upstream adapter"},
    {"dev.secgroup.gateway.credentials.", "gateway: credentials"},
    {"dev.secgroup.gateway.web.", "gateway: web (body limit, relay, strict query)"},
    {"dev.secgroup.gateway.call.", "gateway: call context"},
    {"dev.secgroup.gateway.", "gateway: controllers & rest"},
    {"org.springframework.security.", "Spring Security"},
    {"org.springframework.web.reactive.", "WebClient"},
    {"org.springframework.http.client.reactive.", "WebClient"},
    {"org.springframework.web.servlet.", "Spring MVC"},
    {"org.springframework.web.method.", "Spring MVC"},
    {"org.springframework.web.bind.", "Spring MVC"},
    {"org.springframework.web.filter.", "Spring web filters"},
    {"org.springframework.http.", "Spring http / converters"},
    {"org.springframework.validation.", "Bean Validation"},
    {"org.hibernate.validator.", "Bean Validation"},
    {"jakarta.validation.", "Bean Validation"},
    {"org.springframework.boot.logging.", "logging"},
    {"ch.qos.logback.", "logging"},
    {"org.slf4j.", "logging"},
    {"io.micrometer.tracing.", "tracing (Micrometer Tracing + OTel)"},
    {"io.opentelemetry.", "tracing (Micrometer Tracing + OTel)"},
    {"io.micrometer.", "metrics/observation (Micrometer)"},
    {"io.github.resilience4j.", "Resilience4j"},
    {"reactor.netty.", "reactor-netty + Netty"},
    {"io.netty.", "reactor-netty + Netty"},
    {"reactor.", "Reactor"},
    {"tools.jackson.", "Jackson"},
    {"com.fasterxml.jackson.", "Jackson"},
    {"org.apache.catalina.", "Tomcat"},
    {"org.apache.coyote.", "Tomcat"},
    {"org.apache.tomcat.", "Tomcat"},
    {"org.springframework.", "Spring (other)"},
    {"java.lang.VirtualThread", "virtual-thread scheduling"},
    {"java.util.concurrent.ForkJoin", "virtual-thread scheduling"},
    {"jdk.internal.vm.Continuation", "virtual-thread scheduling"},
  };
  public static void main(String[] a) throws Exception {
    Map<String,Integer> comp = new TreeMap<>(), leaf = new HashMap<>(), cls2 = new HashMap<>();
    int n = 0; long gcNanos = 0; Instant first = null, last = null;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      String t = e.getEventType().getName();
      if (t.equals("jdk.GarbageCollection")) { gcNanos += e.getDuration().toNanos(); continue; }
      if (!t.equals("jdk.ExecutionSample")) continue;
      if (first == null || e.getStartTime().isBefore(first)) first = e.getStartTime();
      if (last == null || e.getStartTime().isAfter(last)) last = e.getStartTime();
      n++;
      RecordedStackTrace st = e.getStackTrace();
      String name = "JDK/other (no component frame)";
      if (st != null) {
        List<RecordedFrame> fr = st.getFrames();
        if (!fr.isEmpty()) { String l = fr.get(0).getMethod().getType().getName() + "." + fr.get(0).getMethod().getName(); leaf.merge(l, 1, Integer::sum); }
        outer:
        for (RecordedFrame f : fr) {
          String cls = f.getMethod().getType().getName();
          for (String[] c : C) if (cls.startsWith(c[0])) { name = c[1]; cls2.merge(c[1] + " <- " + cls + "." + f.getMethod().getName(), 1, Integer::sum); break outer; }
        }
        if (fr.size() >= 64 && name.startsWith("JDK")) name = "JDK/other (truncated stack)";
      }
      comp.merge(name, 1, Integer::sum);
    }
    final int total = n;
    System.out.println("samples " + n + ", GC pause total ms " + gcNanos/1_000_000 + (first != null ? ", span s " + java.time.Duration.between(first,last).toSeconds() : ""));
    comp.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed())
      .forEach(x -> System.out.printf("%6.1f %%  %s%n", 100.0 * x.getValue() / total, x.getKey()));
    System.out.println("-- top component frames");
    cls2.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(Integer.parseInt(a.length>2?a[2]:"60"))
      .forEach(x -> System.out.printf("%6.1f %%  %s%n", 100.0 * x.getValue() / total, x.getKey()));
    System.out.println("-- top leaf methods");
    leaf.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(Integer.parseInt(a.length>1?a[1]:"25"))
      .forEach(x -> System.out.printf("%6.1f %%  %s%n", 100.0 * x.getValue() / total, x.getKey()));
  }
}
