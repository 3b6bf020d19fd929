package io.redux.aws.routing;

/** The AWS service that answers a model id. */
public enum ModelTarget {
    BEDROCK("bedrock-runtime"),
    SAGEMAKER("sagemaker-runtime");

    private final String serviceName;

    ModelTarget(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The service's name as AWS documentation and endpoints spell it. */
    public String serviceName() {
        return serviceName;
    }
}
