package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, read the way the builder reads them: comments
 * dropped, continuation lines joined, {@code ARG} defaults substituted in {@code FROM}.
 * Enough to check the image's contract without a Docker engine.
 */
final class Dockerfile {

	/**
	 * One instruction, its keyword upper-cased, in the stage it belongs to (0 = first
	 * FROM).
	 */
	record Instruction(int stage, String keyword, String arguments) {
	}

	private final List<Instruction> instructions;

	private final List<String> stageImages;

	private Dockerfile(List<Instruction> instructions, List<String> stageImages) {
		this.instructions = instructions;
		this.stageImages = stageImages;
	}

	static Dockerfile read(Path path) {
		try {
			return parse(Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Dockerfile parse(String text) {
		List<Instruction> instructions = new ArrayList<>();
		List<String> stageImages = new ArrayList<>();
		Map<String, String> args = new HashMap<>();
		StringBuilder logical = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			logical.append(trimmed);
			String instruction = logical.toString().strip();
			logical.setLength(0);
			if (instruction.isEmpty()) {
				continue;
			}
			String[] parts = instruction.split("\\s+", 2);
			String keyword = parts[0].toUpperCase();
			String arguments = parts.length > 1 ? parts[1].strip() : "";
			if (keyword.equals("ARG") && stageImages.isEmpty()) {
				String[] arg = arguments.split("=", 2);
				args.put(arg[0], arg.length > 1 ? arg[1] : "");
			}
			if (keyword.equals("FROM")) {
				stageImages.add(substitute(arguments.split("\\s+")[0], args));
			}
			instructions.add(new Instruction(stageImages.size() - 1, keyword, arguments));
		}
		return new Dockerfile(instructions, stageImages);
	}

	private static String substitute(String value, Map<String, String> args) {
		Matcher matcher = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}|\\$([A-Za-z0-9_]+)").matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
			matcher.appendReplacement(result, Matcher.quoteReplacement(args.getOrDefault(name, "")));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	List<String> stageImages() {
		return stageImages;
	}

	int finalStage() {
		return stageImages.size() - 1;
	}

	List<Instruction> instructions() {
		return instructions;
	}

	List<Instruction> inStage(int stage, String keyword) {
		return instructions.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
	}

	/**
	 * The last instruction of this keyword in the final stage (what the image runs with).
	 */
	String last(String keyword) {
		List<Instruction> found = inStage(finalStage(), keyword);
		return found.isEmpty() ? null : found.get(found.size() - 1).arguments();
	}

	/** {@code ENV NAME="a b"} or {@code ENV NAME=a} of the final stage. */
	String env(String name) {
		Pattern pattern = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=(\"([^\"]*)\"|(\\S*))");
		String value = null;
		for (Instruction env : inStage(finalStage(), "ENV")) {
			Matcher matcher = pattern.matcher(env.arguments());
			if (matcher.find()) {
				value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
			}
		}
		return value;
	}

	int indexOf(Instruction instruction) {
		return instructions.indexOf(instruction);
	}

	/**
	 * The exec-form (JSON array) arguments of an instruction such as ENTRYPOINT, or null
	 * when it is in shell form.
	 */
	static List<String> execForm(String arguments) {
		String trimmed = arguments.strip();
		if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
			return null;
		}
		List<String> result = new ArrayList<>();
		Matcher matcher = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(trimmed);
		while (matcher.find()) {
			result.add(matcher.group(1));
		}
		return result;
	}

}
