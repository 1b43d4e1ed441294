package org.roomgate.backend.bbb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.roomgate.backend.BackendUnavailable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** BigBlueButton's XML answer: {@code returncode} SUCCESS or FAILED, a {@code messageKey}, and the top-level fields. */
public record BbbResponse(boolean success, String messageKey, Map<String, String> fields, List<String> meetingIds) {

    /** The fields only, for answers that list no meetings. */
    public BbbResponse(boolean success, String messageKey, Map<String, String> fields) {
        this(success, messageKey, fields, List.of());
    }

    public String field(String name) {
        return fields.get(name);
    }

    /** Parses the answer; DOCTYPEs are refused, so an answer cannot make roomgate read files or URLs. */
    public static BbbResponse parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> fields = new HashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(child.getNodeName(), child.getTextContent().strip());
                }
            }
            return new BbbResponse("SUCCESS".equals(fields.get("returncode")), fields.get("messageKey"), Map.copyOf(fields),
                    meetingIds(root));
        } catch (Exception e) {
            throw new BackendUnavailable("answer is not BigBlueButton XML");
        }
    }

    /** getMeetings: {@code <meetings><meeting><meetingID>…} for each meeting on the server. */
    private static List<String> meetingIds(Element root) {
        List<String> ids = new ArrayList<>();
        NodeList meetings = root.getElementsByTagName("meeting");
        for (int i = 0; i < meetings.getLength(); i++) {
            NodeList children = meetings.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if ("meetingID".equals(children.item(j).getNodeName())) {
                    ids.add(children.item(j).getTextContent().strip());
                }
            }
        }
        return List.copyOf(ids);
    }
}
