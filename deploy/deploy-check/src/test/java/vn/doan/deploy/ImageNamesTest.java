package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * deploy/ names only images the build produces: the Jib configuration of the root pom (profile images) names each
 * application's image doan/&lt;artifactId&gt;:&lt;doan.image.tag&gt;, for the modules that set jib.skip to false.
 */
class ImageNamesTest {

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void everyImageDeployNamesIsOneTheBuildProducesAndEveryProducedImageIsDeployed() throws Exception {
        Document root = pom(ServiceConfig.ROOT.resolve("pom.xml"));
        String template = text(root, "/project/profiles/profile[id='images']/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration/to/image");
        assertThat(template).isEqualTo("doan/${project.artifactId}:${doan.image.tag}");
        assertThat(text(root, "/project/profiles/profile[id='images']/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/version"))
                .isEqualTo("3.5.2");
        assertThat(text(root, "/project/properties/jib.skip")).as("no image for a module that does not ask").isEqualTo("true");
        String tag = text(root, "/project/properties/doan.image.tag");

        Map<String, String> produced = new LinkedHashMap<>();
        NodeList modules = (NodeList) XPATH.evaluate("/project/modules/module", root, javax.xml.xpath.XPathConstants.NODESET);
        for (int i = 0; i < modules.getLength(); i++) {
            Document module = pom(ServiceConfig.ROOT.resolve(modules.item(i).getTextContent()).resolve("pom.xml"));
            if ("false".equals(text(module, "/project/properties/jib.skip"))) {
                String artifactId = text(module, "/project/artifactId");
                produced.put(template.replace("${project.artifactId}", artifactId).replace("${doan.image.tag}", tag), artifactId);
            }
        }
        assertThat(produced.values()).containsExactlyInAnyOrder("plan-service", "report-service", "indicator-service",
                "notification-service", "auth-server", "gateway", "web-console");

        Set<String> named = new LinkedHashSet<>();
        Map<String, Object> compose = Yamls.map(Yamls.read(ServiceConfig.ROOT.resolve("deploy/compose/compose.yaml")).get(0).get("services"));
        compose.values().forEach(s -> named.add(String.valueOf(Yamls.map(s).get("image"))));
        for (String target : Kustomize.TARGETS) {
            for (Map<String, Object> doc : Kustomize.render(target)) {
                for (String containers : List.of("spec.template.spec.containers", "spec.template.spec.initContainers")) {
                    Yamls.list(Yamls.at(doc, containers)).forEach(c -> named.add(String.valueOf(Yamls.map(c).get("image"))));
                }
            }
        }
        named.removeIf(image -> !image.startsWith("doan/"));
        assertThat(named).containsExactlyInAnyOrderElementsOf(produced.keySet());
    }

    /** The image's user is the one the pods are told to run as, so runAsNonRoot holds for the image as built. */
    @Test
    void theImagesUserIsTheUserThePodsRunAs() throws Exception {
        String user = text(pom(ServiceConfig.ROOT.resolve("pom.xml")),
                "/project/profiles/profile[id='images']/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container/user");
        for (Map<String, Object> deployment : Kustomize.ofKind(Kustomize.render("base"), "Deployment")) {
            if (String.valueOf(Yamls.at(deployment, "spec.template.spec.containers.0.image")).startsWith("doan/")) {
                assertThat(String.valueOf(Yamls.at(deployment, "spec.template.spec.securityContext.runAsUser")))
                        .as(Kustomize.name(deployment)).isEqualTo(user);
            }
        }
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document pom, String path) throws Exception {
        return XPATH.evaluate(path, pom).trim();
    }
}
