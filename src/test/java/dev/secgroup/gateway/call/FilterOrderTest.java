package dev.secgroup.gateway.call;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardContext;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet filters Tomcat really runs on the API port, in its order, are the ones
 * {@link FilterOrder#CHAIN} lists, and each is registered with the order listed there.
 */
class FilterOrderTest extends GatewayTestSupport {

	@Autowired
	private ServletWebServerApplicationContext context;

	@Test
	void theRunningChainIsTheDeclaredOne() {
		List<String> running = runningChain();
		System.out.println("Servlet filters of the API port, in order:\n" + FilterOrder.CHAIN.stream()
			.map(filter -> String.format("%12d  %-26s %s", filter.order(), filter.name(), filter.purpose()))
			.collect(Collectors.joining("\n")));

		assertThat(running)
			.containsExactlyElementsOf(FilterOrder.CHAIN.stream().map(FilterOrder.Filter::name).toList());
	}

	@Test
	void everyFilterIsRegisteredWithItsDeclaredOrder() {
		Map<String, Integer> registered = registeredOrders();

		FilterOrder.CHAIN.stream()
			.filter(filter -> !filter.name().equals(FilterOrder.TOMCAT_WEBSOCKET_NAME))
			.forEach(filter -> assertThat(registered).as(filter.name()).containsEntry(filter.name(), filter.order()));
	}

	@Test
	void theDeclaredOrdersAscend() {
		List<Integer> orders = FilterOrder.CHAIN.stream().map(FilterOrder.Filter::order).toList();

		assertThat(orders).isSorted().doesNotHaveDuplicates();
	}

	/**
	 * The filter mappings of the running Tomcat context: the order a request meets them.
	 */
	private List<String> runningChain() {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		Container[] contexts = server.getTomcat().getHost().findChildren();
		assertThat(contexts).hasSize(1);
		FilterMap[] mappings = ((StandardContext) contexts[0]).findFilterMaps();
		return Arrays.stream(mappings).map(FilterMap::getFilterName).distinct().toList();
	}

	/**
	 * The order of each filter as registered: a registration bean's own, else the filter
	 * bean's {@code @Order}.
	 */
	private Map<String, Integer> registeredOrders() {
		Map<String, Integer> orders = new java.util.HashMap<>();
		context.getBeansOfType(AbstractFilterRegistrationBean.class)
			.values()
			.forEach(registration -> orders.put(nameOf(registration), registration.getOrder()));
		context.getBeansOfType(jakarta.servlet.Filter.class).forEach((name, filter) -> {
			if (!orders.containsKey(name)) {
				orders.put(name, org.springframework.core.annotation.OrderUtils.getOrder(filter.getClass(),
						filter instanceof Ordered ordered ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE));
			}
		});
		return orders;
	}

	private static String nameOf(AbstractFilterRegistrationBean<?> registration) {
		return registration.getFilterName();
	}

}
